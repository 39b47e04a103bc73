package fundexchange.engine.intent;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/** A k-way merge of sorted sets walked in their common order; each source is read lazily, one element at a time. */
final class Merge<T> {
    private record Head<T>(T item, Iterator<T> rest) {
    }

    private final PriorityQueue<Head<T>> heads;

    Merge(List<? extends Iterable<T>> sources, Comparator<? super T> order) {
        heads = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> order.compare(a.item, b.item));
        for (Iterable<T> source : sources) {
            push(source.iterator());
        }
    }

    boolean hasNext() {
        return !heads.isEmpty();
    }

    T peek() {
        return heads.element().item;
    }

    T next() {
        Head<T> head = heads.remove();
        push(head.rest);
        return head.item;
    }

    private void push(Iterator<T> source) {
        if (source.hasNext()) {
            heads.add(new Head<>(source.next(), source));
        }
    }
}
