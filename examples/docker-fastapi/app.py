from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="Sentiment API")

POSITIVE = {"good", "great", "love", "excellent", "happy"}
NEGATIVE = {"bad", "awful", "hate", "terrible", "sad"}


class Query(BaseModel):
    text: str


@app.get("/")
def health():
    return {"status": "ok"}


@app.post("/predict")
def predict(query: Query):
    words = set(query.text.lower().split())
    score = len(words & POSITIVE) - len(words & NEGATIVE)
    return {"label": "positive" if score > 0 else "negative" if score < 0 else "neutral", "score": score}
