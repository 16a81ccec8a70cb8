package com.twork.points.catalog.control;

import com.twork.points.catalog.entity.Category;
import com.twork.points.catalog.entity.Product;
import com.twork.points.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the catalog: the products of an order's lines in one query, which ids a rule names that we lack, and which
 * products recent orders named that we lack.
 */
@ApplicationScoped
public class ProductCatalog {
    @PersistenceContext
    EntityManager em;

    /** The live (not deleted) products among {@code ids}, by id; one query. */
    public Map<Long, ProductFacts> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em
                .createNamedQuery("Product.byIds", Product.class)
                .setParameter("ids", Set.copyOf(ids))
                .getResultList()
                .stream()
                .map(product ->
                        new ProductFacts(product.productId(), product.sku().orElse(""), product.categories()))
                .collect(Collectors.toMap(ProductFacts::productId, Function.identity()));
    }

    public Set<Long> missingProducts(Set<Long> ids) {
        Set<Long> missing = new HashSet<>(ids);
        missing.removeAll(find(ids).keySet());
        return missing;
    }

    public Set<Long> missingCategories(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> missing = new HashSet<>(ids);
        em.createNamedQuery("Category.byIds", Category.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(category -> missing.remove(category.categoryId()));
        return missing;
    }

    public Set<String> missingSkus(Set<String> skus) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        Set<String> missing = new HashSet<>(skus);
        em.createQuery("SELECT p.sku FROM Product p WHERE p.sku IN :skus AND p.deleted = false", String.class)
                .setParameter("skus", skus)
                .getResultList()
                .forEach(missing::remove);
        return missing;
    }

    /**
     * The products that order lines awarded since {@code since} (a site-local day) named and the catalog does not
     * know, most lines first; one query over the default-rate entries, which every line has (V17). A line without a
     * product (a fee, the order's remainder) has product 0 and is no unknown product.
     */
    public List<UnknownProduct> unknownSince(LocalDate since, int limit) {
        List<?> rows = em.createNativeQuery("SELECT e.product_id, COUNT(*), COALESCE(SUM(e.quantity), 0),"
                        + " MAX(e.awarded_at) FROM order_award_entry e"
                        + " LEFT JOIN product p ON p.product_id = e.product_id AND p.deleted = 0"
                        + " WHERE e.rule_id = 0 AND e.award_day >= ?1 AND e.product_id > 0"
                        + " AND p.product_id IS NULL"
                        + " GROUP BY e.product_id ORDER BY COUNT(*) DESC, e.product_id LIMIT ?2")
                .setParameter(1, since)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new UnknownProduct(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(),
                        Times.instant(row[3])))
                .toList();
    }
}
