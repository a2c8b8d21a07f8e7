package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** The language of the seller's own pages, kept for later notices without touching the account's own locale. */
class SellerLanguageTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();

    @BeforeEach
    void italianPage() {
        lenient().when(kc.realm.isInternationalizationEnabled()).thenReturn(true);
        lenient().when(kc.context.resolveLocale(any())).thenReturn(Locale.ITALIAN);
        lenient().when(user.model.getFirstAttribute(anyString())).thenAnswer(call ->
                user.attributes.getOrDefault(call.<String>getArgument(0), List.of()).stream().findFirst().orElse(null));
    }

    @Test
    void theDecisionIsAddressedInThePagesLanguageAndTheAccountKeepsNoLocale() {
        SellerLanguage.remember(kc.session, kc.realm, user.model);
        assertNull(user.model.getFirstAttribute(UserModel.LOCALE), "the account's own language is untouched");
        UserModel addressed = SellerLanguage.addressed(user.model);
        assertEquals("it", addressed.getFirstAttribute(UserModel.LOCALE));
        assertEquals(user.id, addressed.getId());
    }

    @Test
    void aLocaleTheSellerChoseComesFirst() {
        SellerLanguage.remember(kc.session, kc.realm, user.model);
        user.attributes.put(UserModel.LOCALE, List.of("en"));
        assertSame(user.model, SellerLanguage.addressed(user.model));
    }

    @Test
    void theLanguageKeptByTheFirstVersionStillCounts() {
        user.attributes.put(SellerLanguage.EARLIER_ATTRIBUTE, List.of("it"));
        assertEquals("it", SellerLanguage.addressed(user.model).getFirstAttribute(UserModel.LOCALE));
    }

    @Test
    void theSameLanguageAgainWritesNothing() {
        user.attributes.put(SellerLanguage.ATTRIBUTE, List.of("it"));
        SellerLanguage.remember(kc.session, kc.realm, user.model);
        org.mockito.Mockito.verify(user.model, org.mockito.Mockito.never()).setSingleAttribute(anyString(), anyString());
    }

    @Test
    void nothingRememberedNothingChanged() {
        assertSame(user.model, SellerLanguage.addressed(user.model));
        when(kc.realm.isInternationalizationEnabled()).thenReturn(false);
        SellerLanguage.remember(kc.session, kc.realm, user.model);
        assertNull(user.model.getFirstAttribute(SellerLanguage.ATTRIBUTE));
    }
}
