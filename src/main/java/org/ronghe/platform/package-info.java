/**
 * What every capability stands on: accounts and roles, sign-in and API tokens, the audit log,
 * masking of personal data, paging, languages, problem responses and the figures registry.
 * It depends on no other module; the modules plug into it (for example with {@link org.ronghe.platform.FigureSource}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.ronghe.platform;
