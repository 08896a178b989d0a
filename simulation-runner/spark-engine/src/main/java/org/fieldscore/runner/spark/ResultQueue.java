package org.fieldscore.runner.spark;

import java.util.concurrent.BlockingQueue;

import org.fieldscore.runner.study.CaseResult;

import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/** The driver's result handler: Spark calls it once per finished partition; it hands the result to the caller. */
final class ResultQueue extends AbstractFunction2<Object, CaseResult, BoxedUnit> {

    private final BlockingQueue<SparkEngine.Delivery> queue;

    ResultQueue(BlockingQueue<SparkEngine.Delivery> queue) {
        this.queue = queue;
    }

    @Override
    public BoxedUnit apply(Object partition, CaseResult result) {
        queue.add(new SparkEngine.Delivery((Integer) partition, result, null));
        return BoxedUnit.UNIT;
    }
}
