package dev.lotussaga.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Before Boot's own problem-details handler, which then steps aside for this one. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemResponses.class)
public class ProblemResponsesAutoConfiguration {}
