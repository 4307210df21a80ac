/**
 * 评价渠道: invitations and entry points — one-time signed tokens, the phone rating page, receipts with QR codes,
 * the JSON rating API and trusted platforms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "channels",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation"})
package org.haochaping.channels;
