/** The version the MCP server reports to clients; a test keeps it equal to package.json. */
export const HEADROOM_VERSION = '0.1.0';
