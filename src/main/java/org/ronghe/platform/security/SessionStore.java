package org.ronghe.platform.security;

import java.util.Map;

import org.ronghe.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Page sessions are kept in the database (Spring Session JDBC), and a session is saved as its answer is
 * sent. While the database cannot be reached that save fails; the answer — usually the error page saying
 * the database is away, with 503 — still goes out instead of breaking off, and the session's changes of
 * that one request are lost. Reading a session still fails, so a request that needs it is answered 503.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    static BeanPostProcessor outageTolerantSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof FindByIndexNameSessionRepository<?> sessions && !(bean instanceof OutageTolerant<?>)) {
                    return new OutageTolerant<>(sessions);
                }
                return bean;
            }
        };
    }

    static final class OutageTolerant<S extends Session> implements FindByIndexNameSessionRepository<S>, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

        private final FindByIndexNameSessionRepository<S> sessions;

        OutageTolerant(FindByIndexNameSessionRepository<S> sessions) {
            this.sessions = sessions;
        }

        @Override
        public S createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(S session) {
            try {
                sessions.save(session);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causes(e)) {
                    throw e;
                }
                log.warn("Page session not saved, the database cannot be reached: {}", e.getMessage());
            }
        }

        @Override
        public S findById(String id) {
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }

        /** The repository's own clean-up of expired sessions stops with the application. */
        @Override
        public void destroy() throws Exception {
            if (sessions instanceof DisposableBean disposable) {
                disposable.destroy();
            }
        }
    }
}
