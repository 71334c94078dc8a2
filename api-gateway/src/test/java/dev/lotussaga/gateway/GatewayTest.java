package dev.lotussaga.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * One application context for all gateway tests: real database, Kafka and Temporal test server,
 * stand-in internal services, a clock tests can move, a password encoder tests can watch, and
 * Tomcat on a random port for the tests that need real HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedKafka(
    kraft = true,
    partitions = 1,
    topics = {"lotus.order-events", "lotus.order-events.DLT"})
@Import(GatewayTestConfiguration.class)
@MockitoSpyBean(types = PasswordEncoder.class)
public @interface GatewayTest {}
