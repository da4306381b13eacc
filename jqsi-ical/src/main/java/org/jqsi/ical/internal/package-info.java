/**
 * How jqsi-ical works inside: mapping activities to iCal4j events and back, octet-aware line folding, the per-version
 * cache of rendered events, the structural scan of partners' feeds. Not exported: none of it is API.
 */
package org.jqsi.ical.internal;
