"""Scans the orders table it was never granted."""

import os

import boto3


def handler(event, context):
    return boto3.client("dynamodb").scan(TableName=os.environ["ORDERS_TABLE"])["Count"]
