export * from "./people";
export * from "./roles";
export * from "./audit";
