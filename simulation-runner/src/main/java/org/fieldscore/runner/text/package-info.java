/**
 * Small text helpers shared across the runner: "did you mean" suggestions for the scenario reader and the expression
 * language, and markup escaping for the HTML report and VTK's XML files.
 */
package org.fieldscore.runner.text;
