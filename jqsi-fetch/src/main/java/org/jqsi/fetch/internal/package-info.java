/**
 * How jqsi-fetch does its work: the classes of IP addresses and the spellings of IPv4 hosts that the address rule
 * judges, the body subscribers that bound a download, and the message bundles. Not exported; nothing here is API, and
 * it may change in any release.
 */
package org.jqsi.fetch.internal;
