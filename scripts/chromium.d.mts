export function findChromium(): string | null;
export function canInstallDebianChromium(): boolean;
export function installDebianChromium(): string | null;
