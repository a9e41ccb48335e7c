/** The version written into every pack's manifest (createdWith). A unit test keeps it equal to package.json's. */
export const TOOL_VERSION = '0.1.0';
