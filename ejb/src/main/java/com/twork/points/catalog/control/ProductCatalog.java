package com.twork.points.catalog.control;

import com.twork.points.catalog.entity.Category;
import com.twork.points.catalog.entity.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the catalog: the products of an order's lines in one query, and which ids a rule names that we lack. */
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
}
