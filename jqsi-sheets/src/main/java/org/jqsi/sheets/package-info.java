/**
 * jqsi-sheets: organisers' spreadsheets of activities, in and out.
 *
 * <p>{@link org.jqsi.sheets.SheetImporter} reads a CSV or XLSX file, one activity a row, into a program
 * ({@link org.jqsi.sheets.SheetTarget} says which edition and partner, and what rows lack) and answers a
 * {@link org.jqsi.sheets.SheetImport}: the merged program, or every problem at its row and column.
 * {@link org.jqsi.sheets.SheetTemplate} writes the template organisers fill. {@link org.jqsi.sheets.JqsiSheetsModule}
 * wires them with Guice; each is usable with plain constructors.
 */
package org.jqsi.sheets;
