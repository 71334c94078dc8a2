package dev.lotussaga.stock.product;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StockControllerTest {

  @Autowired MockMvc http;

  @Test
  void seededProductOneIsPlentiful() throws Exception {
    http.perform(get("/internal/products/1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.productId").value(1))
        .andExpect(jsonPath("$.available").value(org.hamcrest.Matchers.greaterThan(1000)));
  }

  @Test
  void addingToAnUnknownProductIsNotFound() throws Exception {
    http.perform(post("/internal/products/999999/additions").param("units", "1"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void rejectsCountsBelowOneAsProblems() throws Exception {
    for (String units : new String[] {"0", "-1", "x", "99999999999"}) {
      http.perform(post("/internal/products/1/additions").param("units", units))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }
}
