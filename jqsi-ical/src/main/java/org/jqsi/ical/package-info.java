/**
 * iCalendar for the program: {@link org.jqsi.ical.CalendarExporter} writes subscribable feeds for any
 * {@link org.jqsi.core.program.ActivityQuery} and single-activity files, {@link org.jqsi.ical.WebCalendarLinks} makes
 * "add to Google Calendar / Outlook" links, and {@link org.jqsi.ical.CalendarImporter} reads partners' feeds into
 * activities. {@link org.jqsi.ical.JqsiIcalModule} wires them with Guice; each is usable with plain constructors.
 */
package org.jqsi.ical;
