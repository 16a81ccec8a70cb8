package com.twork.points.privacy.admin;

import com.twork.points.console.web.Console;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.boundary.MemberService;
import com.twork.points.member.entity.Member;
import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.privacy.boundary.PrivacyService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The member page's data-rights part ({@code WEB-INF/console/member-privacy.xhtml}): the "Export data" link and,
 * for ADMIN, "Erase member" with a required reason and the member id typed again to confirm. Like the member page
 * it keeps no state between requests: the member id travels in a hidden field.
 */
@Named("memberPrivacy")
@RequestScoped
public class MemberPrivacyPage {
    @Inject
    MemberService members;

    @Inject
    PrivacyService privacy;

    @Inject
    Console console;

    private long userId;
    private boolean erased;
    private String reason;
    private String confirm;

    @PostConstruct
    void load() {
        Optional<Long> id = console.longParam("id");
        if (id.isEmpty()) {
            return;
        }
        userId = id.get();
        try {
            Member member = members.get(userId);
            erased = member.status() == MemberStatus.ERASED;
        } catch (MemberNotFoundException e) {
            erased = false;
        }
    }

    public void erase() {
        if (confirm == null || !confirm.trim().equals(Long.toString(userId))) {
            console.fieldError("erase:confirm", "Type the member id " + userId + " to confirm.");
            return;
        }
        try {
            privacy.erase(userId, reason);
            console.redirect("member.xhtml", null, "id=" + userId + "&erased=1");
        } catch (ApplicationFailure e) {
            console.refused(e, "erase");
        }
    }

    public long getUserId() {
        return userId;
    }

    public boolean isErased() {
        return erased;
    }

    /** Right after an erasure: the page says it was done. */
    public boolean isJustErased() {
        return erased && "1".equals(console.param("erased"));
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
