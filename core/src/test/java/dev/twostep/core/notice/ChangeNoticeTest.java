package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.UserModel;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** A notice waits for the change's commit: none while it is open, one after it, none after a rollback. */
class ChangeNoticeTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();
    private final List<KeycloakTransaction> waiting = new ArrayList<>();

    @BeforeEach
    void heldUntilTheEnd() {
        KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
        doAnswer(call -> waiting.add(call.getArgument(0))).when(transactions).enlistAfterCompletion(any());
        when(kc.session.getTransactionManager()).thenReturn(transactions);
        lenient().when(user.model.getId()).thenReturn("user-1");
        lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
    }

    @Test
    void theNoticeGoesOnlyOnceTheChangeIsCommitted() {
        new ChangeNotice(kc.session).send(kc.realm, user.model, ChangeNotice.Change.METHOD_CHANGED);
        assertEquals(List.of(), kc.notices, "nothing while the change's transaction is open");
        waiting.forEach(transaction -> {
            transaction.begin();
            transaction.commit();
        });
        assertEquals(List.of("twoStepNoticeMethodChanged"), kc.notices);
    }

    @Test
    void theNoticeSpeaksTheLanguageTheSellerLastUsedNotThisRequests() {
        when(user.model.getFirstAttribute(org.mockito.ArgumentMatchers.anyString())).thenAnswer(call ->
                SellerLanguage.ATTRIBUTE.equals(call.getArgument(0)) ? "it" : null);
        new ChangeNotice(kc.session).send(kc.realm, user.model, ChangeNotice.Change.NEW_SIGN_IN, "Chrome", "Linux");
        waiting.forEach(transaction -> {
            transaction.begin();
            transaction.commit();
        });
        org.mockito.ArgumentCaptor<UserModel> addressed = org.mockito.ArgumentCaptor.forClass(UserModel.class);
        verify(kc.session.getProvider(EmailTemplateProvider.class)).setUser(addressed.capture());
        assertEquals("it", addressed.getValue().getFirstAttribute(UserModel.LOCALE));
        assertEquals("user-1", addressed.getValue().getId());
    }

    @Test
    void aChangeRolledBackTellsNobody() {
        new ChangeNotice(kc.session).send(kc.realm, user.model, ChangeNotice.Change.DISABLED);
        waiting.forEach(transaction -> {
            transaction.begin();
            transaction.rollback();
        });
        assertEquals(List.of(), kc.notices);
    }

    @Test
    void noAddressNoNoticeAndNothingWaits() {
        when(user.model.getEmail()).thenReturn(null);
        new ChangeNotice(kc.session).send(kc.realm, user.model, ChangeNotice.Change.DISABLED);
        assertEquals(List.of(), waiting);
    }
}
