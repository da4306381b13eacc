/**
 * How jqsi-sheets does its work: the cells of a CSV file (Jackson's CSV parser) or an XLSX workbook (fastexcel's
 * streaming reader), the columns their headers name, each row read into an activity with its problems at their
 * cells, the merge into the program, the validator's problems placed back in the sheet, and the template's writing.
 * Not exported: none of it is API, and no Jackson or fastexcel type leaks out of the module.
 */
package org.jqsi.sheets.internal;
