export declare const MAX_BODY_BYTES: number;
export declare const TOO_LARGE_MESSAGE: string;
