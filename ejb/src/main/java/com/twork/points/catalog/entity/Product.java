package com.twork.points.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A WooCommerce product (or variation) as last told: its SKU and categories, what rules are written against. A
 * deleted product keeps its row so that an update that arrives after the deletion is known to be older.
 */
@Entity
@Table(name = "product")
@NamedQuery(
        name = "Product.byIds",
        query = "SELECT DISTINCT p FROM Product p LEFT JOIN FETCH p.categories WHERE p.productId IN :ids"
                + " AND p.deleted = false")
@NamedQuery(name = "Product.countLive", query = "SELECT COUNT(p) FROM Product p WHERE p.deleted = false")
public class Product {
    @Id
    @Column(name = "product_id")
    private long productId;

    @Column(name = "sku")
    private String sku;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "date_modified_gmt")
    private Instant dateModified;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_category", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "category_id")
    private Set<Long> categories = new HashSet<>();

    protected Product() {}

    public Product(long productId, Instant now) {
        this.productId = productId;
        this.name = "";
        this.updatedAt = now;
    }

    public long productId() {
        return productId;
    }

    public Optional<String> sku() {
        return Optional.ofNullable(sku).filter(s -> !s.isEmpty());
    }

    public String name() {
        return name;
    }

    public boolean deleted() {
        return deleted;
    }

    public Set<Long> categories() {
        return Set.copyOf(categories);
    }

    /** Whether a change made at {@code modified} is older than the last one applied (then it is ignored). */
    public boolean isNewerThan(Optional<Instant> modified) {
        return dateModified != null && modified.isPresent() && modified.get().isBefore(dateModified);
    }

    public void update(
            String newSku, String newName, Set<Long> newCategories, Optional<Instant> modified, Instant now) {
        this.sku = newSku == null || newSku.isBlank() ? null : newSku.trim();
        this.name = newName == null ? "" : newName;
        this.categories.clear();
        this.categories.addAll(newCategories);
        this.deleted = false;
        modified.ifPresent(at -> this.dateModified = at);
        this.updatedAt = now;
    }

    public void delete(Optional<Instant> modified, Instant now) {
        this.deleted = true;
        modified.ifPresent(at -> this.dateModified = at);
        this.updatedAt = now;
    }
}
