package org.fieldscore.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fieldscore.fields.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** The step count of a time span: never capped, never a lengthened step. */
class StepCountTest {

    @Test
    void countsEqualStepsNoLongerThanTheGivenOne() {
        assertEquals(4, StabilityLimits.stepCount(1.0, 0.3)); // 4 steps of 0.25 <= 0.3
        assertEquals(10, StabilityLimits.stepCount(1.0, 0.1)); // 1/0.1 = 9.999999999999998 within 1e-9 of 10
        assertEquals(1, StabilityLimits.stepCount(0.5, 0.5));
        assertEquals(Integer.MAX_VALUE, StabilityLimits.stepCount(Integer.MAX_VALUE, 1.0));
    }

    @Test
    void refusesACountASolverCannotTakeInsteadOfCappingIt() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> StabilityLimits.stepCount(1.0, 1e-12));
        assertEquals("time step", e.argument());
        assertEquals(1e-12, (double) e.value());
        assertTrue(e.getMessage().contains("needs 1.0E12 steps"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> StabilityLimits.stepCount(1.0, 0.0));
    }

    @Test
    void refusesMoreSubStepsThanASolverCounts() {
        assertEquals(3, StabilityLimits.subSteps(0.25, 0.1));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> StabilityLimits.subSteps(1.0, 1e-12));
        assertTrue(e.getMessage().contains("stable sub-steps"), e.getMessage());
    }
}
