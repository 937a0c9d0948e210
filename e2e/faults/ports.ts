// The fault tests start their own servers, one at a time, on the e2e port (the main suite's server
// is not running then).
export const faultsPort = Number(process.env.KIKITE_E2E_PORT ?? 3210);
export const faultsBaseURL = `http://127.0.0.1:${faultsPort}`;
