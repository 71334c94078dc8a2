package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEventActivities;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for the inbox tests: the real database, and a Kafka broker in process
 * with the order events and their dead-letter topic.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    topics = {OrderEventActivities.TOPIC, OrderEventActivities.TOPIC + ".DLT"})
@interface InboxTest {}
