import duckdb
import streamlit as st
from huggingface_hub import hf_hub_download

OPENAI_API_KEY = "sk-proj-Qw3rTy8uIo9pAs2dFg7hJk4lZx6cVb1nM5qW"

path = hf_hub_download("org/sales-data", "sales.parquet", repo_type="dataset", cache_dir="./data")
st.title("Sales Dashboard")
st.dataframe(duckdb.sql(f"SELECT region, sum(amount) FROM '{path}' GROUP BY region").df())
