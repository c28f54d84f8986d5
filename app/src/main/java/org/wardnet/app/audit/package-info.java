/** The audit trail's writer: entries appended in group commits on one thread, each acknowledged once stored. */
package org.wardnet.app.audit;
