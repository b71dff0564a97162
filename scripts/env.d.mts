export declare const root: string;
export declare function serverEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare const bin: (name: string) => string;
export declare function serverNodeArgs(env?: Record<string, string | undefined>): string[];
