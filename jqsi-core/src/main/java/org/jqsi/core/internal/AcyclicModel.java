package org.jqsi.core.internal;

import org.hibernate.validator.spi.tracking.ProcessedBeansTrackingVoter;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;

/**
 * Tells Hibernate Validator that jqsi's model needs no cycle detection. Without it, every bean reached by a cascade
 * is recorded with the path it was reached by, in case the graph loops back on itself: for a program of records,
 * that bookkeeping was most of the validation's time. The model's records are immutable and their lists are
 * unmodifiable copies, so an object can only hold objects made before it: the graph cannot have a cycle.
 */
public final class AcyclicModel implements ProcessedBeansTrackingVoter {

    private static final Package MODEL = Activity.class.getPackage();
    private static final Package PROGRAM = ProgramData.class.getPackage();

    @Override
    public Vote isEnabledForBean(Class<?> beanClass, boolean hasCascadables) {
        return isModelRecord(beanClass) ? Vote.NON_TRACKING : Vote.DEFAULT;
    }

    @Override
    public Vote isEnabledForReturnValue(Class<?> beanClass, String name, Class<?>[] parameterTypes,
            boolean hasCascadables) {
        return Vote.DEFAULT;
    }

    @Override
    public Vote isEnabledForParameters(Class<?> beanClass, String name, Class<?>[] parameterTypes,
            boolean hasCascadables) {
        return Vote.DEFAULT;
    }

    private static boolean isModelRecord(Class<?> type) {
        return type.isRecord() && (type.getPackage() == MODEL || type.getPackage() == PROGRAM);
    }
}
