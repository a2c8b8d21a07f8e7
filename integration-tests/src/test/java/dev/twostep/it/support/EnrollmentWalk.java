package dev.twostep.it.support;

import org.openqa.selenium.WebDriver;

import dev.twostep.it.pages.AlmostDonePage;
import dev.twostep.it.pages.AuthenticatorAppPage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.PhoneNumberPage;

/** Walks the enrollment quickly for tests about what comes after it. */
public final class EnrollmentWalk {
    private final WebDriver browser;
    private final Outbox outbox;
    private final String username;

    public EnrollmentWalk(WebDriver browser, Outbox outbox, String username) {
        this.browser = browser;
        this.outbox = outbox;
        this.username = username;
    }

    /** Verifies an Italian number by text message as the method in the current role. */
    public void textMessage(String nationalNumber) {
        phone(nationalNumber, false);
    }

    /** Verifies an Italian number by voice call as the method in the current role. */
    public void voiceCall(String nationalNumber) {
        phone(nationalNumber, true);
    }

    private void phone(String nationalNumber, boolean voice) {
        int before = outbox.messagesFor(username).size();
        new ChooseMethodPage(browser).choosePhoneNumber();
        PhoneNumberPage page = new PhoneNumberPage(browser);
        (voice ? page.voiceDelivery() : page.textMessage()).country("IT").number(nationalNumber).send();
        new EnterCodePage(browser).verify(outbox.latestFor(username, before + 1).get("code").asText());
    }

    /** Sets up the authenticator app as the method in the current role and returns it. */
    public AuthenticatorApp app() {
        new ChooseMethodPage(browser).chooseAuthenticatorApp();
        AuthenticatorAppPage page = new AuthenticatorAppPage(browser);
        AuthenticatorApp app = new AuthenticatorApp(page.cantScanTheBarcode());
        page.verify(app.currentCode());
        return app;
    }

    public void finish(boolean trustThisDevice) {
        AlmostDonePage done = new AlmostDonePage(browser);
        if (trustThisDevice) {
            done.dontRequireCodesOnThisDevice();
        }
        done.turnOn();
    }
}
