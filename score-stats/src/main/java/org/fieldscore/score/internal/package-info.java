/** Argument checks shared by the score-stats packages; not exported. */
package org.fieldscore.score.internal;
