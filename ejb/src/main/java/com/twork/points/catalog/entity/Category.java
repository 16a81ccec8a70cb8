package com.twork.points.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A product category, learnt from the products that name it. */
@Entity
@Table(name = "product_category_name")
@NamedQuery(name = "Category.byIds", query = "SELECT c FROM Category c WHERE c.categoryId IN :ids")
@NamedQuery(name = "Category.all", query = "SELECT c FROM Category c ORDER BY c.name, c.categoryId")
public class Category {
    @Id
    @Column(name = "category_id")
    private long categoryId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Category() {}

    public Category(long categoryId, String name, String slug, Instant now) {
        this.categoryId = categoryId;
        rename(name, slug, now);
    }

    public long categoryId() {
        return categoryId;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public final void rename(String newName, String newSlug, Instant now) {
        this.name = newName == null ? "" : newName;
        this.slug = newSlug == null ? "" : newSlug;
        this.updatedAt = now;
    }
}
