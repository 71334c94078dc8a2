package dev.lotussaga.stock.product;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProductStockRepository extends JpaRepository<ProductStock, Integer> {

  /** Every change of a product's units goes through this row lock. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from ProductStock p where p.productId = :productId")
  Optional<ProductStock> findForUpdate(int productId);
}
