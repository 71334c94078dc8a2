package dev.lotussaga.stock.product;

import org.springframework.data.jpa.repository.JpaRepository;

interface StockAdditionRepository extends JpaRepository<StockAddition, Long> {}
