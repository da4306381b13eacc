/**
 * How jqsi-core does its work: the query indexes, accent folding, the cross-field validation rules and their message
 * bundles. Not exported; nothing here is API, and it may change in any release.
 */
package org.jqsi.core.internal;
