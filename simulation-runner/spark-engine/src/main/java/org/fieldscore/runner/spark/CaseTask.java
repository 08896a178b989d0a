package org.fieldscore.runner.spark;

import java.io.Serializable;

import org.fieldscore.runner.study.CaseExecution;
import org.fieldscore.runner.study.CaseResult;
import org.fieldscore.runner.study.StudyCase;

import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/** The executor's side of a case: a partition holds one case, which runs with {@link CaseExecution#run}. */
final class CaseTask extends AbstractFunction1<Iterator<StudyCase>, CaseResult> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Integer threads;

    /** @param threads the threads of the case's parallel loops on its executor, or null for the executor's cores */
    CaseTask(Integer threads) {
        this.threads = threads;
    }

    @Override
    public CaseResult apply(Iterator<StudyCase> partition) {
        StudyCase c = partition.next();
        if (partition.hasNext()) {
            throw new IllegalStateException("a case partition holds one case; " + c.id() + " came with others");
        }
        return ExecutorThreads.run(threads, () -> CaseExecution.run(c));
    }
}
