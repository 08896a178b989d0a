/** Small text helpers shared by the scenario reader and the expression language: "did you mean" suggestions. */
package org.fieldscore.runner.text;
