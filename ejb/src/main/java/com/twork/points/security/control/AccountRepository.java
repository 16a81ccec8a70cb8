package com.twork.points.security.control;

import com.twork.points.security.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Loads and stores accounts. */
@ApplicationScoped
public class AccountRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Optional<Account> findByLogin(String login) {
        return em.createNamedQuery("Account.findByLogin", Account.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }

    public List<Account> all() {
        return em.createNamedQuery("Account.findAll", Account.class).getResultList();
    }

    public Account add(Account account) {
        em.persist(account);
        em.flush();
        return account;
    }
}
