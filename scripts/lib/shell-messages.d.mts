export declare const SHELL_NAMESPACES: readonly string[];
export declare function shellMessages(root?: string): Record<string, unknown>;
export declare function writeShellMessages(root?: string): void;
