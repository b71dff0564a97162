export * from "./people";
export * from "./roles";
export * from "./audit";
export * from "./versions";
export * from "./communication";
export * from "./onboarding";
export * from "./organisation";
export * from "./evaluations";
