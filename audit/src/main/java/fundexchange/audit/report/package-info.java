/**
 * The daily regulator report: built from the command and event journals only, for one business day in the platform
 * zone, as a record tree ({@link fundexchange.audit.report.DailyReport}) rendered as canonical JSON
 * ({@link fundexchange.audit.report.ReportJson}) and a self-contained HTML page
 * ({@link fundexchange.audit.report.ReportHtml}). Building twice from the same journal gives identical bytes.
 */
package fundexchange.audit.report;
