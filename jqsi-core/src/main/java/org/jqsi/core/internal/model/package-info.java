/**
 * The model's shape, walked: which of its types a program's elements can hold ({@link
 * org.jqsi.core.internal.model.ModelTypes}), so that the lists that must cover them follow the model by themselves.
 *
 * <p><b>Not API.</b> Exported only to the modules that need such a list: jqsi-json, whose plain reading path must take
 * every record an activity holds. Hibernate Validator's predefined scope, in this module, is the other user.
 */
package org.jqsi.core.internal.model;
