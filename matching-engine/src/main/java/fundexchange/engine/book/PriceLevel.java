package fundexchange.engine.book;

/** The orders at one price on one side, oldest first (an intrusive doubly linked FIFO queue). */
final class PriceLevel {
    long price;
    RestingOrder head;
    RestingOrder tail;
    long units;

    void append(RestingOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        units += order.units;
    }

    void unlink(RestingOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        units -= order.units;
        order.prev = null;
        order.next = null;
        order.level = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
