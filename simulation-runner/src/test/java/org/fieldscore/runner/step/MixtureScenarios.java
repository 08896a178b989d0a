package org.fieldscore.runner.step;

/** The scenario text the network step tests share: the bimodal scenario's two-regime mixture and draws from it. */
final class MixtureScenarios {

    private MixtureScenarios() {
    }

    /**
     * @param id the model step's id
     * @param mean the regimes' means are (mean, mean) and (−mean, −mean), weighted 0.8 and 0.2, unit covariance
     * @param count how many draws the step {@code data} takes from it
     * @return the two steps as list items of a scenario's {@code steps:} block
     */
    static String mixtureAndData(String id, int mean, int count) {
        return """
                  - id: %1$s
                    type: model
                    distribution:
                      type: mixture
                      weights: [0.8, 0.2]
                      means: [[%2$d, %2$d], [-%2$d, -%2$d]]
                      covariance: [[1, 0], [0, 1]]
                  - id: data
                    type: data
                    from: %1$s
                    count: %3$d
                """.formatted(id, mean, count);
    }
}
