package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.DeliveryRow;
import com.twork.points.console.boundary.Paged;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * {@code webhooks.xhtml}: where the shop sends its order and customer webhooks, whether their secret is set (an
 * ADMIN sets it; it is never shown back), and the deliveries received with what became of each.
 */
@Named
@RequestScoped
public class WebhooksPage {
    static final int PER_PAGE = 50;
    static final int MIN_SECRET_LENGTH = 16;

    @Inject
    ConsoleQueries queries;

    @Inject
    SettingsService settings;

    @Inject
    Console console;

    private Paged<DeliveryRow> deliveries;
    private String secret;

    @PostConstruct
    void load() {
        deliveries = queries.deliveries(console.pageParam(), PER_PAGE);
    }

    public void saveSecret() {
        String value = secret == null ? "" : secret.trim();
        if (value.length() < MIN_SECRET_LENGTH) {
            console.fieldError(
                    "secret:value", "Use at least " + MIN_SECRET_LENGTH + " characters (paste the shop's secret).");
            return;
        }
        try {
            settings.update(Map.of(SettingKey.WEBHOOK_SECRET.key(), value));
            console.redirect("webhooks.xhtml", "secret", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "secret");
        }
    }

    public boolean isSecretSet() {
        return !settings.current().raw(SettingKey.WEBHOOK_SECRET).isEmpty();
    }

    /** The delivery URL to enter in WooCommerce, as this request reached us. */
    public String getDeliveryUrl() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
        return base + request.getContextPath() + PointsApi.PREFIX + "/webhooks/woocommerce";
    }

    public Paged<DeliveryRow> getDeliveries() {
        return deliveries;
    }

    public String getSecret() {
        return null;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }
}
