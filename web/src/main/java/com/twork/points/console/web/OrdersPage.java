package com.twork.points.console.web;

import com.twork.points.order.boundary.OrderService;
import com.twork.points.order.boundary.OrderView;
import com.twork.points.platform.boundary.ApplicationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code orders.xhtml}: every order the shop's webhooks reported, what it awarded; re-process one. */
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

    @PostConstruct
    void load() {
        page = console.pageParam();
        rows = orders.orders(page, PER_PAGE);
    }

    public void reprocess() {
        try {
            String id = orderId == null ? "" : orderId.trim();
            orders.reprocess(id);
            console.redirect("orders.xhtml", "reprocessed", "order=" + Console.encode(id));
        } catch (ApplicationFailure e) {
            console.refused(e, "reprocess");
        }
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
