/**
 * Bulk import of existing satisfaction data (plan 二(二): folding in pre-existing satisfaction systems): CSV or the
 * first sheet of an .xlsx, validated row by row, with a downloadable report of the refused rows.
 */
package org.haochaping.exchange.imports;
