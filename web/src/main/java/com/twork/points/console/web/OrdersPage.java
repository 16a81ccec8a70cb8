package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.TransactionRow;
import com.twork.points.console.control.TransactionFilter;
import com.twork.points.order.boundary.OrderService;
import com.twork.points.order.boundary.OrderView;
import com.twork.points.platform.boundary.ApplicationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * {@code orders.xhtml}: every order the shop's webhooks reported, what it awarded; re-process one; the ledger rows of
 * one order ({@code ?order=}), including orders only the app claimed.
 */
@Named
@RequestScoped
public class OrdersPage {
    static final int PER_PAGE = 50;

    @Inject
    OrderService orders;

    @Inject
    Console console;

    private List<OrderView> rows;
    private int page;
    private String orderId;

    @Inject
    ConsoleQueries queries;

    private List<TransactionRow> ledgerRows = List.of();
    private String shownOrder;

    @PostConstruct
    void load() {
        page = console.pageParam();
        rows = orders.orders(page, PER_PAGE);
        showLedgerRows(console.param("order"));
    }

    public void reprocess() {
        String id = orderId == null ? "" : orderId.trim();
        try {
            orders.reprocess(id);
            console.redirect("orders.xhtml", "reprocessed", "order=" + Console.encode(id));
        } catch (ApplicationFailure e) {
            showLedgerRows(id);
            if (ledgerRows.isEmpty()) {
                console.refused(e, "reprocess");
            } else {
                // An order the app claimed but the shop's webhooks never reported: nothing to re-process, say why.
                console.error("Order " + id + " has no shop event to re-process: the shop's webhooks never reported"
                        + " it. Its points came from the app; its rows are listed below.");
            }
        }
    }

    /** The ledger rows of one order (app claims and shop awards alike), for the order the page was asked about. */
    private void showLedgerRows(String order) {
        if (order == null || order.isBlank()) {
            return;
        }
        shownOrder = order.trim();
        ledgerRows = queries.transactions(
                        new TransactionFilter(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(shownOrder),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        1,
                        PER_PAGE)
                .rows();
    }

    public List<TransactionRow> getLedgerRows() {
        return ledgerRows;
    }

    public String getShownOrder() {
        return shownOrder;
    }

    public List<OrderView> getRows() {
        return rows;
    }

    public int getPage() {
        return page;
    }

    public boolean isHasNext() {
        return rows.size() == PER_PAGE;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }
}
