package com.twork.points.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A WooCommerce refund already applied (its id is never applied twice). */
@Entity
@Table(name = "shop_order_refund")
public class ShopOrderRefund {
    @Id
    @Column(name = "refund_id")
    private long refundId;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "points_reversed", nullable = false)
    private int pointsReversed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ShopOrderRefund() {}

    public ShopOrderRefund(long refundId, String orderId, BigDecimal amount, int pointsReversed, Instant createdAt) {
        this.refundId = refundId;
        this.orderId = orderId;
        this.amount = amount;
        this.pointsReversed = pointsReversed;
        this.createdAt = createdAt;
    }
}
